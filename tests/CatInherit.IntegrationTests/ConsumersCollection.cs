namespace CatInherit.IntegrationTests;

/// <summary>Consumer builds run one at a time (they share the repository's projects) and share one packed feed.</summary>
[CollectionDefinition("consumers")]
public sealed class ConsumersCollection : ICollectionFixture<PackagedFeed>;
