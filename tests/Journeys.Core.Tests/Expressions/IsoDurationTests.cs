using Journeys.Core.Expressions;

namespace Journeys.Core.Tests.Expressions;

public class IsoDurationTests
{
    public static TheoryData<string, TimeSpan> Valid => new()
    {
        { "PT1H", TimeSpan.FromHours(1) },
        { "P3D", TimeSpan.FromDays(3) },
        { "P1W", TimeSpan.FromDays(7) },
        { "P2W3D", TimeSpan.FromDays(17) },
        { "P1DT12H", TimeSpan.FromHours(36) },
        { "PT1H30M", TimeSpan.FromMinutes(90) },
        { "PT90M", TimeSpan.FromMinutes(90) },
        { "PT0.5S", TimeSpan.FromMilliseconds(500) },
        { "PT1,25S", TimeSpan.FromMilliseconds(1250) },
        { "PT36H", TimeSpan.FromHours(36) },
        { "P0D", TimeSpan.Zero },
        { "P1DT2H3M4.005S", new TimeSpan(1, 2, 3, 4, 5) },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parses_weeks_days_and_time(string text, TimeSpan expected)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration));
        Assert.Equal(expected, duration);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1Y")]
    [InlineData("P1M")]
    [InlineData("P1Y2D")]
    [InlineData("PT1X")]
    [InlineData("-PT1H")]
    [InlineData("1H")]
    [InlineData("P1H")]
    [InlineData("PT1D")]
    [InlineData("PT1M1H")]
    [InlineData("P1D2W")]
    [InlineData("PT1H1H")]
    [InlineData("P1.5D")]
    [InlineData("PT1.5H")]
    [InlineData("pt1h")]
    [InlineData("P1DT")]
    [InlineData("PT1.S")]
    [InlineData("PT.5S")]
    [InlineData("P 1D")]
    [InlineData("PT1H ")]
    [InlineData("PT99999999999999999999H")]
    [InlineData("P99999999999W")]
    public void Refuses_everything_else(string? text)
    {
        Assert.False(IsoDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.Zero, duration);
    }

    public static TheoryData<TimeSpan, string> Formatted => new()
    {
        { TimeSpan.FromHours(1), "PT1H" },
        { TimeSpan.FromMinutes(90), "PT1H30M" },
        { TimeSpan.FromHours(36), "P1DT12H" },
        { TimeSpan.FromDays(7), "P7D" },
        { TimeSpan.Zero, "PT0S" },
        { TimeSpan.FromMilliseconds(500), "PT0.5S" },
        { new TimeSpan(1, 0, 0, 0, 1), "P1DT0.001S" },
        { TimeSpan.FromTicks(1), "PT0.0000001S" },
        { TimeSpan.FromHours(-1), "-PT1H" },
        { TimeSpan.MinValue, "-P10675199DT2H48M5.4775808S" },
    };

    [Theory]
    [MemberData(nameof(Formatted))]
    public void Formats_in_canonical_form(TimeSpan duration, string expected) => Assert.Equal(expected, IsoDuration.Format(duration));
}
