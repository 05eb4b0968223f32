namespace JourneyFunctions.Tests.Replay;

/// <summary>
/// A test that records a golden history: skipped unless <see cref="HistoryFiles.RecordVariable"/> is 1, so that
/// CI and a plain <c>dotnet test</c> never rewrite the committed histories.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RecordingFactAttribute : FactAttribute
{
    public RecordingFactAttribute()
    {
        if (!HistoryFiles.Recording)
        {
            Skip = $"Records a golden history; run with {HistoryFiles.RecordVariable}=1 to rewrite tests/JourneyFunctions.Tests/Histories.";
        }
    }
}
