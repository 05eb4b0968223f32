using Journeys.Api.Problems;

namespace Journeys.Api.Http;

/// <summary>A request body read within its limit, or the problem (413, 415) that stopped reading it.</summary>
public sealed class BodyRead
{
    private BodyRead(ReadOnlyMemory<byte> bytes, ProblemResult? problem)
    {
        Bytes = bytes;
        Problem = problem;
    }

    public ReadOnlyMemory<byte> Bytes { get; }

    public ProblemResult? Problem { get; }

    public static BodyRead Success(ReadOnlyMemory<byte> bytes) => new(bytes, null);

    public static BodyRead Failed(ProblemResult problem) => new(ReadOnlyMemory<byte>.Empty, problem);
}
