using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.OnnxRuntime;

namespace FashionMnist.Model;

/// <summary>
/// The ImageNet foundation of the example: ResNet18's 512 features of each Fashion-MNIST image (at <see cref="Size"/> ×
/// <see cref="Size"/>), a softmax head trained on them in C# (deterministic, on standardised features folded back into
/// the weights), and the whole as one graph (<see cref="ResNetGraph"/>). Every build checks the graph against the published
/// preprocessing and backbone run one after the other at 224 × 224, with the head computed here.
/// </summary>
internal static class ResNetFoundation
{
    /// <summary>
    /// The input resolution: 28 × 28 images upsampled to 64 × 64, a multiple of 32 (ResNet18 halves the size five times; its
    /// last feature map is then 2 × 2). ImageNet's 224 × 224 costs 12 times as much: out of a 2-core CI budget for the
    /// corruption check's thousands of images.
    /// </summary>
    public const int Size = 64;

    /// <summary>Training images the head sees (the from-scratch classifier sees 12,000).</summary>
    public const int TrainImages = 3_000;

    private static string PackageFile(string name) => Path.Combine(AppContext.BaseDirectory, "resnet", name);

    /// <summary>Writes model/resnet.onnx and model/resnet-longtail.onnx; <paramref name="keepForLongTail"/> says which training rows the long-tail head keeps.</summary>
    public static void Build(string example, float[][] trainX, int[] trainY, float[][] testX, int[] testY, Func<int, bool> keepForLongTail, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        var preprocess = PackageFile("ResNetPreprocess.onnx");
        var backbone = PackageFile("ResNet18.onnx");
        var model = Path.Combine(example, "model");
        var featuresOnly = Path.Combine(model, "resnet-backbone.onnx.building");
        ResNetGraph.Write(preprocess, backbone, Size, head: null, featuresOnly);
        float[][] train;
        float[][] test;
        using (var session = new InferenceSession(featuresOnly))
        {
            train = Features(session, trainX[..TrainImages]);
            test = Features(session, testX);
        }

        File.Delete(featuresOnly);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ResNet18 features of {TrainImages + testX.Length} images at {Size} × {Size} in {clock.Elapsed.TotalSeconds:0.0} s"));

        var labels = trainY[..TrainImages];
        foreach (var (name, rows) in new[] { ("resnet", Enumerable.Range(0, TrainImages).ToArray()), ("resnet-longtail", Enumerable.Range(0, TrainImages).Where(keepForLongTail).ToArray()) })
        {
            var head = Standardised([.. rows.Select(i => train[i])], [.. rows.Select(i => labels[i])]);
            var accuracy = test.Select((x, i) => head.Predict(x) == testY[i] ? 1.0 : 0.0).Average();
            var target = Path.Combine(model, name + ".onnx");
            ResNetGraph.Write(preprocess, backbone, Size, head, target + ".building");
            if (name == "resnet")
            {
                Verify(preprocess, backbone, head, testX[..3], model);
            }

            File.Move(target + ".building", target, overwrite: true);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trained {name} (ImageNet ResNet18 + softmax head) on {rows.Length} images: test accuracy {accuracy:0.000}"));
        }
    }

    /// <summary>The 512 features of each image, in batches of 64.</summary>
    public static float[][] Features(InferenceSession session, float[][] images)
    {
        var result = new float[images.Length][];
        for (var start = 0; start < images.Length; start += 64)
        {
            var count = Math.Min(64, images.Length - start);
            var data = new float[count * 784];
            for (var i = 0; i < count; i++)
            {
                images[start + i].CopyTo(data, i * 784);
            }

            using var input = OrtValue.CreateTensorValueFromMemory(data, [count, 1, 28, 28]);
            using var outputs = session.Run(new RunOptions(), [ResNetGraph.PixelsInput], [input], [ResNetGraph.FeaturesOutput]);
            var features = outputs[0].GetTensorDataAsSpan<float>();
            for (var i = 0; i < count; i++)
            {
                result[start + i] = features.Slice(i * 512, 512).ToArray();
            }
        }

        return result;
    }

    /// <summary>A softmax head fitted on standardised features, with the standardisation folded into its weights and bias.</summary>
    private static SoftmaxClassifier Standardised(float[][] x, int[] y)
    {
        var d = x[0].Length;
        var mean = new double[d];
        var std = new double[d];
        for (var j = 0; j < d; j++)
        {
            mean[j] = x.Average(r => (double)r[j]);
            std[j] = Math.Max(1e-6, Math.Sqrt(x.Average(r => (r[j] - mean[j]) * (r[j] - mean[j]))));
        }

        var scaled = x.Select(r => r.Select((v, j) => (float)((v - mean[j]) / std[j])).ToArray()).ToArray();
        var fitted = SoftmaxClassifier.Fit(scaled, y, 10, iterations: 150, learningRate: 0.5f, l2: 1e-3f);
        var weights = fitted.Weights.Select(w => w.Select((v, j) => (float)(v / std[j])).ToArray()).ToArray();
        var bias = fitted.Bias.Select((b, c) => (float)(b - Enumerable.Range(0, d).Sum(j => fitted.Weights[c][j] * mean[j] / std[j]))).ToArray();
        return new SoftmaxClassifier(weights, bias);
    }

    /// <summary>
    /// The graph at 224 × 224 must agree with the published files run one after the other — ResNetPreprocess.onnx on the
    /// image upsampled here (bilinear, half-pixel centres, as ONNX Resize), then ResNet18.onnx — and the head computed here.
    /// </summary>
    private static void Verify(string preprocessPath, string backbonePath, SoftmaxClassifier head, float[][] images, string model)
    {
        var combinedPath = Path.Combine(model, "resnet-224.onnx.verifying");
        ResNetGraph.Write(preprocessPath, backbonePath, 224, head, combinedPath);
        try
        {
            using var combined = new InferenceSession(combinedPath);
            using var preprocess = new InferenceSession(preprocessPath);
            using var backbone = new InferenceSession(backbonePath);
            foreach (var image in images)
            {
                using var pixels = OrtValue.CreateTensorValueFromMemory(image.ToArray(), [1, 1, 28, 28]);
                using var graphOut = combined.Run(new RunOptions(), [ResNetGraph.PixelsInput], [pixels], [ResNetGraph.LogitsOutput]);
                var actual = graphOut[0].GetTensorDataAsSpan<float>().ToArray();

                var rgb = Upsample(image, 28, 224);
                using var original = OrtValue.CreateTensorValueFromMemory(rgb, [1, 3, 224, 224]);
                using var prepared = preprocess.Run(new RunOptions(), ["OriginalInput"], [original], ["PreprocessedInput"]);
                using var bgr = OrtValue.CreateTensorValueFromMemory(prepared[0].GetTensorDataAsSpan<float>().ToArray(), [1, 3, 224, 224]);
                using var pooled = backbone.Run(new RunOptions(), ["Input247"], [bgr], ["Pooling395_Output_0"]);
                var features = pooled[0].GetTensorDataAsSpan<float>().ToArray();
                for (var c = 0; c < 10; c++)
                {
                    var expected = head.Bias[c] + features.Select((f, j) => (double)f * head.Weights[c][j]).Sum();
                    if (Math.Abs(expected - actual[c]) > 1e-3 * Math.Max(1, Math.Abs(expected)))
                    {
                        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The ResNet18 graph disagrees with preprocessing + backbone + head: logit {c} is {actual[c]}, expected {expected}."));
                    }
                }
            }
        }
        finally
        {
            File.Delete(combinedPath);
        }
    }

    /// <summary>A 28 × 28 gray image in [0, 1] as [3, to, to] RGB in 0–255: bilinear with half-pixel centres, as ONNX Resize (linear, half_pixel).</summary>
    public static float[] Upsample(float[] image, int from, int to)
    {
        var scale = to / (double)from;
        var result = new float[3 * to * to];
        for (var y = 0; y < to; y++)
        {
            var (y0, y1, wy) = Source(y, scale, from);
            for (var x = 0; x < to; x++)
            {
                var (x0, x1, wx) = Source(x, scale, from);
                var top = (image[(y0 * from) + x0] * (1 - wx)) + (image[(y0 * from) + x1] * wx);
                var bottom = (image[(y1 * from) + x0] * (1 - wx)) + (image[(y1 * from) + x1] * wx);
                var value = (float)(((top * (1 - wy)) + (bottom * wy)) * 255);
                for (var c = 0; c < 3; c++)
                {
                    result[(c * to * to) + (y * to) + x] = value;
                }
            }
        }

        return result;
    }

    private static (int Low, int High, double Weight) Source(int output, double scale, int size)
    {
        var at = Math.Clamp(((output + 0.5) / scale) - 0.5, 0, size - 1);
        var low = (int)Math.Floor(at);
        return (low, Math.Min(low + 1, size - 1), at - low);
    }
}
