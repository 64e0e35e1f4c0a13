using System.Text;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace CatInherit.Model;

/// <summary>
/// Reads an ONNX model's graph inputs and outputs from the file itself (the protobuf fields of
/// <c>ModelProto.graph</c>), skipping weights by seeking past them: no ONNX Runtime, no native library, no
/// inference, so <c>catinherit validate</c> and MSBuild's build-time validation can check a policy against the model.
/// </summary>
internal static class OnnxSignatureReader
{
    // Field numbers from onnx.proto3.
    private const int ModelGraph = 7;
    private const int GraphInitializer = 5;
    private const int GraphSparseInitializer = 15;
    private const int GraphInput = 11;
    private const int GraphOutput = 12;
    private const int TensorName = 8;
    private const int ValueInfoName = 1;
    private const int ValueInfoType = 2;
    private const int TypeTensor = 1;
    private const int TypeSequence = 4;
    private const int TypeMap = 5;
    private const int TypeSparseTensor = 8;
    private const int TypeOptional = 9;
    private const int TensorElemType = 1;
    private const int TensorShape = 2;
    private const int ShapeDim = 1;
    private const int DimValue = 1;

    /// <summary>The signature, or null with the reason when the file is not a readable ONNX model.</summary>
    public static (OnnxSignature? Signature, string? Problem) Read(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var reader = new Reader(stream);
            long graphEnd = -1;
            while (reader.Position < stream.Length)
            {
                var (field, wire) = reader.Tag();
                if (field == ModelGraph && wire == 2)
                {
                    graphEnd = reader.MessageEnd();
                    break;
                }

                reader.Skip(wire);
            }

            if (graphEnd < 0)
            {
                return (null, "the file has no ONNX graph");
            }

            var initializers = new HashSet<string>(StringComparer.Ordinal);
            var inputs = new List<(string Name, TensorSignature Type)>();
            var outputs = new List<(string Name, TensorSignature Type)>();
            while (reader.Position < graphEnd)
            {
                var (field, wire) = reader.Tag();
                if (wire == 2 && field is GraphInitializer or GraphSparseInitializer)
                {
                    var end = reader.MessageEnd();
                    if (field == GraphInitializer && Name(reader, end, TensorName) is { } name)
                    {
                        initializers.Add(name);
                    }

                    reader.Seek(end);
                }
                else if (wire == 2 && field is GraphInput or GraphOutput)
                {
                    var value = ValueInfo(reader, reader.MessageEnd());
                    (field == GraphInput ? inputs : outputs).Add(value);
                }
                else
                {
                    reader.Skip(wire);
                }
            }

            // Inputs that have an initializer are weights with a default, not something a caller feeds (as ONNX Runtime lists them).
            return (new OnnxSignature(
                inputs.Where(i => !initializers.Contains(i.Name)).DistinctBy(i => i.Name).ToDictionary(i => i.Name, i => i.Type, StringComparer.Ordinal),
                outputs.DistinctBy(o => o.Name).ToDictionary(o => o.Name, o => o.Type, StringComparer.Ordinal)), null);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            return (null, "the file is not a valid ONNX model (its protobuf encoding is broken)");
        }
    }

    /// <summary>The first string field <paramref name="nameField"/> of the message ending at <paramref name="end"/>; leaves the reader anywhere inside it.</summary>
    private static string? Name(Reader reader, long end, int nameField)
    {
        while (reader.Position < end)
        {
            var (field, wire) = reader.Tag();
            if (field == nameField && wire == 2)
            {
                return reader.String();
            }

            reader.Skip(wire);
        }

        return null;
    }

    private static (string Name, TensorSignature Type) ValueInfo(Reader reader, long end)
    {
        var name = string.Empty;
        var type = new TensorSignature(false, default, [], "ONNX_TYPE_UNKNOWN");
        while (reader.Position < end)
        {
            var (field, wire) = reader.Tag();
            if (field == ValueInfoName && wire == 2)
            {
                name = reader.String();
            }
            else if (field == ValueInfoType && wire == 2)
            {
                type = Type(reader, reader.MessageEnd());
            }
            else
            {
                reader.Skip(wire);
            }
        }

        reader.Seek(end);
        return (name, type);
    }

    private static TensorSignature Type(Reader reader, long end)
    {
        var result = new TensorSignature(false, default, [], "ONNX_TYPE_UNKNOWN");
        while (reader.Position < end)
        {
            var (field, wire) = reader.Tag();
            if (field == TypeTensor && wire == 2)
            {
                result = Tensor(reader, reader.MessageEnd());
            }
            else
            {
                result = field switch
                {
                    TypeSequence => result with { TypeName = "ONNX_TYPE_SEQUENCE" },
                    TypeMap => result with { TypeName = "ONNX_TYPE_MAP" },
                    TypeSparseTensor => result with { TypeName = "ONNX_TYPE_SPARSETENSOR" },
                    TypeOptional => result with { TypeName = "ONNX_TYPE_OPTIONAL" },
                    _ => result,
                };
                reader.Skip(wire);
            }
        }

        reader.Seek(end);
        return result;
    }

    private static TensorSignature Tensor(Reader reader, long end)
    {
        var element = default(TensorElementType);
        var dims = new List<long>();
        while (reader.Position < end)
        {
            var (field, wire) = reader.Tag();
            if (field == TensorElemType && wire == 0)
            {
                element = (TensorElementType)(int)reader.Varint();
            }
            else if (field == TensorShape && wire == 2)
            {
                var shapeEnd = reader.MessageEnd();
                while (reader.Position < shapeEnd)
                {
                    var (shapeField, shapeWire) = reader.Tag();
                    if (shapeField == ShapeDim && shapeWire == 2)
                    {
                        dims.Add(Dimension(reader, reader.MessageEnd()));
                    }
                    else
                    {
                        reader.Skip(shapeWire);
                    }
                }
            }
            else
            {
                reader.Skip(wire);
            }
        }

        reader.Seek(end);
        return new TensorSignature(true, element, [.. dims]);
    }

    /// <summary>A fixed size, or -1 for a symbolic one (as ONNX Runtime reports it).</summary>
    private static long Dimension(Reader reader, long end)
    {
        long value = -1;
        while (reader.Position < end)
        {
            var (field, wire) = reader.Tag();
            if (field == DimValue && wire == 0)
            {
                value = (long)reader.Varint();
            }
            else
            {
                reader.Skip(wire);
            }
        }

        reader.Seek(end);
        return value;
    }

    /// <summary>Protobuf wire-format reading over a seekable stream.</summary>
    private sealed class Reader(Stream stream)
    {
        public long Position => stream.Position;

        public (int Field, int Wire) Tag()
        {
            var tag = Varint();
            var field = (int)(tag >> 3);
            return field <= 0 ? throw new InvalidDataException("field 0") : (field, (int)(tag & 7));
        }

        public ulong Varint()
        {
            ulong result = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = stream.ReadByte();
                if (b < 0)
                {
                    throw new EndOfStreamException();
                }

                result |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return result;
                }
            }

            throw new InvalidDataException("varint too long");
        }

        public long Length()
        {
            var length = Varint();
            return length > (ulong)(stream.Length - stream.Position) ? throw new InvalidDataException("length past the end") : (long)length;
        }

        /// <summary>Reads a length prefix and returns where that message ends.</summary>
        public long MessageEnd()
        {
            var length = Length();
            return Position + length;
        }

        public string String()
        {
            var bytes = new byte[Length()];
            stream.ReadExactly(bytes);
            return Encoding.UTF8.GetString(bytes);
        }

        public void Seek(long position)
        {
            if (position > stream.Length)
            {
                throw new InvalidDataException("seek past the end");
            }

            stream.Position = position;
        }

        public void Skip(int wire)
        {
            switch (wire)
            {
                case 0:
                    _ = Varint();
                    break;
                case 1:
                    Seek(Position + 8);
                    break;
                case 2:
                    Seek(MessageEnd());
                    break;
                case 5:
                    Seek(Position + 4);
                    break;
                default:
                    throw new InvalidDataException($"wire type {wire}");
            }
        }
    }
}
