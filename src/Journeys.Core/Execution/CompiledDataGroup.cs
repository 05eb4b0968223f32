using Journeys.Core.Expressions;

namespace Journeys.Core.Execution;

/// <summary>A data-source field group a journey reads, with its path template compiled once.</summary>
internal sealed record CompiledDataGroup(string Source, string Group, string Method, CompiledTemplate Path, int? CacheSeconds);
