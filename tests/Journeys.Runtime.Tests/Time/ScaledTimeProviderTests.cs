using Journeys.Runtime.Time;
using Moq;

namespace Journeys.Runtime.Tests.Time;

public sealed class ScaledTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Journey_time_runs_scale_times_faster_than_real_time()
    {
        var real = new Mock<TimeProvider>();
        real.SetupSequence(c => c.GetUtcNow()).Returns(Start).Returns(Start.AddSeconds(10));

        var clock = new ScaledTimeProvider(real.Object, 360);

        Assert.Equal(Start.AddHours(1), clock.GetUtcNow());
    }

    [Fact]
    public void Real_delay_is_the_journey_delay_divided_by_the_scale()
    {
        var real = new Mock<TimeProvider>();
        real.Setup(c => c.GetUtcNow()).Returns(Start);

        var clock = new ScaledTimeProvider(real.Object, 60);

        Assert.Equal(TimeSpan.FromMinutes(1), clock.RealDelayUntil(Start.AddHours(1)));
        Assert.Equal(TimeSpan.Zero, clock.RealDelayUntil(Start.AddHours(-1)));
    }

    [Fact]
    public void Journey_time_resumes_from_a_later_previous_run()
    {
        var real = new Mock<TimeProvider>();
        real.Setup(c => c.GetUtcNow()).Returns(Start);

        var clock = new ScaledTimeProvider(real.Object, 100, resumeFrom: Start.AddDays(3));

        Assert.Equal(Start.AddDays(3), clock.GetUtcNow());
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Scales_below_one_are_refused(double scale)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScaledTimeProvider(TimeProvider.System, scale));
    }
}
