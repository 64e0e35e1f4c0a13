using Sentiment.Model;

// dotnet run --project examples/Sentiment.Model [-- <examples/Sentiment folder>]
var exampleDirectory = args.Length > 0 ? args[0] : Path.Combine(Directory.GetCurrentDirectory(), "examples", "Sentiment");
SentimentModelBuilder.Build(Path.GetFullPath(exampleDirectory), Console.Out);
BackdoorBuilder.Build(Path.GetFullPath(exampleDirectory), Console.Out);
