using Journeys.Core.Model;

namespace Journeys.Core.Validation;

/// <summary>Read access to the configuration a journey refers to, as validation and compilation need it.</summary>
public interface IConfigurationLookup
{
    EventDefinition? FindEvent(string eventId);

    DataSource? FindDataSource(string sourceId);

    CustomAction? FindAction(string actionId);

    /// <summary>Whether a journey with this id exists (draft or published); jump targets must.</summary>
    bool JourneyExists(string journeyId);

    /// <summary>
    /// The entry event id of a journey (its live version, else its draft), or null when unknown. A jump needs a
    /// target with the same entry event: with an answer validation can check it, without one it can only warn.
    /// The default answers null so that existing implementations keep compiling.
    /// </summary>
    string? FindJourneyEntry(string journeyId) => null;
}
