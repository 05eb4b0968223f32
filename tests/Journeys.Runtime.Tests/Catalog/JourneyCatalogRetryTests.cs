using Journeys.Core.Model;
using Journeys.Core.Serialization;
using Journeys.Core.Validation;
using Journeys.Runtime.Catalog;
using Moq;

namespace Journeys.Runtime.Tests.Catalog;

/// <summary>Races that a real store produces only by chance, staged with a mocked store.</summary>
public sealed class JourneyCatalogRetryTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_draft_changed_between_validation_and_publish_is_validated_again_before_it_is_published()
    {
        var store = new Mock<ICatalogStore>(MockBehavior.Strict);
        store.SetupSequence(s => s.GetJourneyAsync("j", It.IsAny<CancellationToken>()))
            .ReturnsAsync(Draft("first", "e1"))
            .ReturnsAsync(Draft("second", "e2"));
        SetupEmptyCatalog(store);
        store.Setup(s => s.PublishDraftAsync("j", "e1", It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(StoreWriteResult<JourneyLifecycleChange>.Failed(StoreWriteStatus.PreconditionFailed));
        store.Setup(s => s.PublishDraftAsync("j", "e2", It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new StoreWriteResult<JourneyLifecycleChange>(StoreWriteStatus.Updated, new("j", JourneyStatus.Live, 1, [])));
        var validated = new List<string?>();
        var journeys = new JourneyCatalog(store.Object, new RecordingValidator(validated));

        var result = await journeys.PublishAsync("j");

        Assert.Equal(1, result.Value?.LiveVersion);
        Assert.Equal(["first", "second"], validated);
    }

    [Fact]
    public async Task With_if_match_a_draft_changed_meanwhile_fails_412_without_retrying()
    {
        var store = new Mock<ICatalogStore>(MockBehavior.Strict);
        store.Setup(s => s.GetJourneyAsync("j", It.IsAny<CancellationToken>())).ReturnsAsync(Draft("first", "e1"));
        SetupEmptyCatalog(store);
        store.Setup(s => s.PublishDraftAsync("j", "e1", It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(StoreWriteResult<JourneyLifecycleChange>.Failed(StoreWriteStatus.PreconditionFailed));
        var journeys = new JourneyCatalog(store.Object, new RecordingValidator([]));

        var result = await journeys.PublishAsync("j", WriteCondition.IfMatch("e1"));

        Assert.Equal("PRECONDITION_FAILED", result.Failure?.Code);
        store.Verify(s => s.PublishDraftAsync("j", "e1", It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Close_losing_to_a_concurrent_stop_reports_a_conflict_from_the_new_status()
    {
        var store = new Mock<ICatalogStore>(MockBehavior.Strict);
        store.SetupSequence(s => s.GetJourneyAsync("j", It.IsAny<CancellationToken>()))
            .ReturnsAsync(Draft("x", "e1") with { Status = JourneyStatus.Live, LiveVersion = 1 })
            .ReturnsAsync(Draft("x", "e1") with { Status = JourneyStatus.Stopped });
        store.Setup(s => s.ChangeJourneyStatusAsync("j", JourneyStatus.Live, JourneyStatus.Closed, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(StoreWriteResult<JourneyLifecycleChange>.Failed(StoreWriteStatus.PreconditionFailed));
        var journeys = new JourneyCatalog(store.Object, new RecordingValidator([]));

        var result = await journeys.CloseAsync("j");

        Assert.Equal("CONFLICT", result.Failure?.Code);
    }

    private static StoredJourney Draft(string name, string etag) =>
        new("j", ContractJson.Write(new Journey { Name = name }), etag, At, JourneyStatus.Draft, null, []);

    private static void SetupEmptyCatalog(Mock<ICatalogStore> store)
    {
        store.Setup(s => s.ListResourcesAsync(It.IsAny<CatalogResourceKind>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        store.Setup(s => s.ListJourneysAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);
    }

    private sealed class RecordingValidator(List<string?> validated) : ICatalogValidator
    {
        public ValidationResult ValidateEventDefinition(string eventId, EventDefinition definition) => new([]);

        public ValidationResult ValidateDataSource(string sourceId, DataSource source) => new([]);

        public ValidationResult ValidateCustomAction(string actionId, CustomAction action) => new([]);

        public ValidationResult ValidateJourney(string journeyId, Journey journey, IConfigurationLookup lookup)
        {
            validated.Add(journey.Name);
            return new([]);
        }
    }
}
