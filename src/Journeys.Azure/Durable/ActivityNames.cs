namespace Journeys.Azure.Durable;

/// <summary>Function names of the orchestrator and its activities (Durable addresses them by name).</summary>
public static class ActivityNames
{
    public const string Orchestrator = "JourneyOrchestrator";
    public const string LoadJourney = "LoadJourney";
    public const string CallAction = "CallAction";
    public const string FetchData = "FetchData";
    public const string RecordSteps = "RecordSteps";
    public const string Jump = "Jump";
}
