using Journeys.Core.Model;
using Journeys.Core.Validation;
using Journeys.Runtime.Bundles;

namespace Journeys.Runtime.Tests.Bundles;

public sealed class SampleValidityTests
{
    private static readonly ConfigurationBundle Samples = ConfigurationBundle.LoadFolder(Path.Combine(AppContext.BaseDirectory, "samples"));

    [Fact]
    public void Every_sample_file_reads()
    {
        Assert.Equal(12, Samples.Files.Count);
        Assert.All(Samples.Files, f => Assert.Empty(f.Errors));
    }

    [Theory]
    [InlineData("abandoned-cart")]
    [InlineData("welcome-series")]
    [InlineData("payment-failed")]
    public void Sample_journeys_are_valid_without_warnings(string journeyId)
    {
        var result = JourneyValidator.Validate(journeyId, Samples.Journeys[journeyId], Samples);

        Assert.Empty(result.Errors);
        Assert.DoesNotContain(result.Warnings, w => w.Code != ValidationCodes.NodeActionNoErrorNext);
    }

    [Fact]
    public void Sample_configuration_is_valid()
    {
        var problems = new List<ValidationIssue>();
        foreach (var (id, definition) in Samples.Events)
        {
            problems.AddRange(ConfigurationValidator.Validate(id, definition).Errors);
        }

        foreach (var (id, source) in Samples.DataSources)
        {
            problems.AddRange(ConfigurationValidator.Validate(id, source).Errors);
        }

        foreach (var (id, action) in Samples.Actions)
        {
            problems.AddRange(ConfigurationValidator.Validate(id, action).Errors);
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void The_abandoned_cart_sample_is_the_spec_journey()
    {
        var journey = Samples.Journeys["abandoned-cart"];

        Assert.Equal("cart.abandoned", journey.Entry);
        Assert.Equal("await-order", journey.Start);
        Assert.IsType<WaitForEventNode>(journey.Nodes!["await-order"]);
        Assert.Equal(5, journey.Nodes.Count);
    }
}
