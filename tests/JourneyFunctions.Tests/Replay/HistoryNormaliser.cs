using System.Globalization;
using System.Text.RegularExpressions;

namespace JourneyFunctions.Tests.Replay;

/// <summary>
/// Takes the machine and the moment out of a recorded history's text. Every date moves by the same whole number of weeks (the first execution lands in the week of
/// <see cref="Anchor"/>; time of day, weekday and every interval are kept, so the orchestrator computes the same
/// things from the moved times); the loopback services' address becomes <see cref="Services"/>; measured latencies
/// become 0. The same rewrite applies to the calls and to the answers, so a replay compares like with like.
/// </summary>
internal static partial class HistoryNormaliser
{
    public const string Services = "http://services.test";

    private static readonly DateTime Anchor = new(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc); // a Monday

    public static string Normalise(string text, DateTime firstStart)
    {
        ArgumentNullException.ThrowIfNull(text);
        var weeks = (int)Math.Floor((firstStart.Date - Anchor).TotalDays / 7);
        var shift = TimeSpan.FromDays(-7 * weeks);
        text = IsoDate().Replace(text, match => Shift(match.Value, "yyyy-MM-dd", shift));
        text = CompactDate().Replace(text, match => Shift(match.Value, "yyyyMMdd", shift));
        text = Loopback().Replace(text, Services);
        return Latency().Replace(text, "${name}0");
    }

    private static string Shift(string date, string format, TimeSpan shift) =>
        (DateTime.ParseExact(date, format, CultureInfo.InvariantCulture) + shift).ToString(format, CultureInfo.InvariantCulture);

    /// <summary>The date of an ISO 8601 time (<c>2026-12-06T00:10:11.123Z</c>).</summary>
    [GeneratedRegex(@"(?<!\d)\d{4}-\d{2}-\d{2}(?=T\d{2}:\d{2})")]
    private static partial Regex IsoDate();

    /// <summary>The date of a run id's start stamp (<c>…:20261206T001011123</c>, see InstanceIds.RunId).</summary>
    [GeneratedRegex(@"(?<=:)\d{8}(?=T\d{9}(?!\d))")]
    private static partial Regex CompactDate();

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex Loopback();

    [GeneratedRegex(@"(?<name>\\?""latencyMs\\?"":\s*)\d+")]
    private static partial Regex Latency();
}
