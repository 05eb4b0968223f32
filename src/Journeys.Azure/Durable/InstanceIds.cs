using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Journeys.Azure.Durable;

/// <summary>
/// Deterministic Durable orchestration ids. One (journey, profile) always maps to the same id, so a redelivered
/// entry event or two concurrent starts address the same orchestration and Durable refuses the second while the
/// first runs. Profile ids are arbitrary text, so they are hashed: the id stays short (at most 99 characters for
/// a 64-character journey id) and uses only characters every Durable storage provider accepts.
/// </summary>
public static class InstanceIds
{
    private const string Prefix = "j:";

    /// <summary><c>j:{journeyId}:{first 32 hex digits of SHA-256(profileId)}</c>.</summary>
    public static string For(string journeyId, string profileId)
    {
        ArgumentException.ThrowIfNullOrEmpty(journeyId);
        ArgumentNullException.ThrowIfNull(profileId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(profileId));
        return JourneyPrefix(journeyId) + Convert.ToHexStringLower(hash)[..32];
    }

    /// <summary>
    /// The prefix shared by every orchestration of a journey (<c>j:{journeyId}:</c>). Journey ids cannot contain
    /// <c>:</c>, so the prefix of <c>a</c> never matches the instances of <c>a.b</c> or <c>ab</c>.
    /// </summary>
    public static string JourneyPrefix(string journeyId)
    {
        ArgumentException.ThrowIfNullOrEmpty(journeyId);
        return Prefix + journeyId + ":";
    }

    /// <summary>
    /// The stepper's instance id of one run: the orchestration id plus the start time (UTC, to the millisecond).
    /// Re-entries of a profile reuse the orchestration id, so the run id keeps their action idempotency keys apart.
    /// </summary>
    public static string RunId(string orchestrationId, DateTimeOffset startedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(orchestrationId);
        return orchestrationId + ":" + startedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture);
    }
}
