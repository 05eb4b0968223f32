namespace Journeys.Core.Expressions;

/// <summary>A data-source field group an expression reads (<c>data.source.group.*</c>); the engine fetches it before the node runs.</summary>
public sealed record DataReference(string Source, string Group);
