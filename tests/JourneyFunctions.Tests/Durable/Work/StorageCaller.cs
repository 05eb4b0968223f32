namespace JourneyFunctions.Tests.Durable.Work;

/// <summary>Who made a storage request: the Durable Task backend (its dispatchers and its client) or the app's own Table stores.</summary>
public enum StorageCaller
{
    Durable,
    App,
}
