using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Journeys.Core.Execution;

/// <summary>
/// The pure heart of both hosts: (journey version, instance state, input, now) → (new state, one command, step
/// events). No I/O, no clock, no randomness: the same arguments always give byte-identical results, so a Durable
/// orchestration can replay it. Instantaneous nodes (condition, split, due waits, end) run within one call; it stops
/// at the first node that needs the outside world.
/// </summary>
public static class JourneyStepper
{
    /// <summary>Instantaneous transitions allowed in one step before the instance is ended as a runaway loop.</summary>
    public const int MaxTransitionsPerStep = 1000;

    /// <summary>Creates an instance and runs it to its first command.</summary>
    public static StepResult Start(CompiledJourney journey, StartInput input, DateTimeOffset now) => Step(journey, null, input, now);

    /// <summary>
    /// Applies <paramref name="input"/> to <paramref name="state"/> (null only for a <see cref="StartInput"/>).
    /// Inputs that do not fit the state, and every input to an instance that has ended, are ignored:
    /// <see cref="StepResult.StateChanged"/> is false. Run-time expression errors end the instance as errored with
    /// an error step event; only host mistakes (wrong journey version, missing state) throw.
    /// </summary>
    /// <param name="rules">Older rules for an orchestration started under older logic; <see cref="StepRules.Current"/> when null.</param>
    public static StepResult Step(CompiledJourney journey, InstanceState? state, StepInput input, DateTimeOffset now, StepRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(input);
        rules ??= StepRules.Current;
        now = now.ToUniversalTime();

        if (state is null)
        {
            return input is StartInput start
                ? StepRun.Start(journey, start, now, rules)
                : throw new ArgumentNullException(nameof(state), "Only a StartInput may be applied without an instance state.");
        }

        if (!string.Equals(state.JourneyId, journey.JourneyId, StringComparison.Ordinal) || state.Version != journey.Version)
        {
            throw new ArgumentException(
                $"The state belongs to journey '{state.JourneyId}' version {state.Version}, not '{journey.JourneyId}' version {journey.Version}.",
                nameof(state));
        }

        return state.Status == InstanceStatus.Active
            ? new StepRun(journey, state, now, insideNode: true, rules).Apply(input)
            : Unchanged(state, JourneyCommand.None);
    }

    /// <summary>The <c>Idempotency-Key</c> of an action call: the same for every retry and replay of one visit.</summary>
    public static string IdempotencyKey(string instanceId, string nodeId, int visit) => $"{instanceId}:{nodeId}:{visit}";

    /// <summary>
    /// The split bucket of a profile at a node, in hundredths of a percent (0..9999): the first 8 bytes of
    /// SHA-256 over the length-prefixed ids, so it is the same on every machine, process and version.
    /// </summary>
    public static int SplitBucket(string journeyId, string profileId, string nodeId)
    {
        ArgumentNullException.ThrowIfNull(journeyId);
        ArgumentNullException.ThrowIfNull(profileId);
        ArgumentNullException.ThrowIfNull(nodeId);
        return SplitBucket(SplitHashPrefix(journeyId), profileId, SplitHashSuffix(nodeId));
    }

    /// <summary>
    /// The bucket from the precomputed parts of the hash input (see <see cref="SplitHashPrefix"/>): only the
    /// profile part is encoded per call, on the stack when it is small.
    /// </summary>
    internal static int SplitBucket(ReadOnlySpan<byte> prefix, string profileId, ReadOnlySpan<byte> suffix)
    {
        // Length prefixes keep ("ab", "c") and ("a", "bc") apart whatever characters the ids contain.
        // The text hashed is "{len}:{journeyId}|{len}:{profileId}|{len}:{nodeId}" in UTF-8; its parts are split
        // at ASCII separators, so encoding them one by one gives the same bytes as encoding the whole.
        Span<char> length = stackalloc char[11];
        profileId.Length.TryFormat(length, out var lengthChars, default, CultureInfo.InvariantCulture);
        var size = prefix.Length + lengthChars + 1 + Encoding.UTF8.GetMaxByteCount(profileId.Length) + suffix.Length;
        byte[]? rented = null;
        var input = size <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(size));
        try
        {
            prefix.CopyTo(input);
            var written = prefix.Length;
            written += Encoding.UTF8.GetBytes(length[..lengthChars], input[written..]);
            input[written++] = (byte)':';
            written += Encoding.UTF8.GetBytes(profileId, input[written..]);
            suffix.CopyTo(input[written..]);
            written += suffix.Length;

            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(input[..written], hash);
            return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % 10000UL);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The split hash input before the profile id: <c>"{len}:{journeyId}|"</c> in UTF-8.</summary>
    internal static byte[] SplitHashPrefix(string journeyId) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{journeyId.Length}:{journeyId}|"));

    /// <summary>The split hash input after the profile id: <c>"|{len}:{nodeId}"</c> in UTF-8.</summary>
    internal static byte[] SplitHashSuffix(string nodeId) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"|{nodeId.Length}:{nodeId}"));

    internal static StepResult Unchanged(InstanceState state, JourneyCommand command) =>
        new(state, command, []) { StateChanged = false };
}
