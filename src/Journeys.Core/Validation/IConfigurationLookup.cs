using Journeys.Model;

namespace Journeys.Validation;

/// <summary>Read access to the configuration a journey refers to, as validation and compilation need it.</summary>
public interface IConfigurationLookup
{
    EventDefinition? FindEvent(string eventId);

    DataSource? FindDataSource(string sourceId);

    CustomAction? FindAction(string actionId);

    /// <summary>Whether a journey with this id exists (draft or published); jump targets must.</summary>
    bool JourneyExists(string journeyId);
}
