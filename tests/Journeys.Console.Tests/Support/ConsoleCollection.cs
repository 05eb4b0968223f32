namespace Journeys.Console.Tests.Support;

/// <summary>One demo host and one browser for all console tests, which therefore run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}
