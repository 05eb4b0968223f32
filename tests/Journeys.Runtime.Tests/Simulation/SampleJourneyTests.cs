using Journeys.Runtime.Simulation.Testing;

using Journeys.TestSupport.Simulation;

namespace Journeys.Runtime.Tests.Simulation;

/// <summary>The shipped sample tests (samples/tests/*.test.json), one xunit case per test case.</summary>
public sealed class SampleJourneyTests
{
    private static readonly string TestsFolder = Path.Combine(AppContext.BaseDirectory, "samples", "tests");

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in JourneyTestRunner.FindFiles([TestsFolder]))
        {
            foreach (var name in JourneyTestRunner.CaseNames(file))
            {
                data.Add(Path.GetFileName(file), name);
            }
        }

        return data;
    }

    [Fact]
    public void At_least_nine_cases_are_shipped_for_the_three_samples()
    {
        var files = JourneyTestRunner.FindFiles([TestsFolder]).Select(Path.GetFileName).ToList();
        Assert.Equal(["abandoned-cart.test.json", "payment-failed.test.json", "welcome-series.test.json"], files);
        Assert.True(Cases().Count >= 9);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Sample_case_passes(string file, string name)
    {
        var results = await JourneyTestRunner.RunFileAsync(Path.Combine(TestsFolder, file));

        var result = Assert.Single(results, r => r.Name == name);
        Assert.True(result.Passed, string.Join(Environment.NewLine, result.Differences));
    }
}
