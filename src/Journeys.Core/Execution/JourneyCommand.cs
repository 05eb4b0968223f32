using System.Text.Json.Serialization;

namespace Journeys.Core.Execution;

/// <summary>
/// The one thing a host must do after a step. Every command but <see cref="NoCommand"/> and
/// <see cref="CompleteCommand"/> is answered later by a matching <see cref="StepInput"/>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(NoCommand), "none")]
[JsonDerivedType(typeof(CallActionCommand), "callAction")]
[JsonDerivedType(typeof(FetchDataCommand), "fetchData")]
[JsonDerivedType(typeof(StartTimerCommand), "startTimer")]
[JsonDerivedType(typeof(WaitForEventCommand), "waitForEvent")]
[JsonDerivedType(typeof(JumpCommand), "jump")]
[JsonDerivedType(typeof(CompleteCommand), "complete")]
public abstract record JourneyCommand
{
    /// <summary>Nothing to do: the input changed nothing, keep doing what was asked before.</summary>
    public static JourneyCommand None { get; } = new NoCommand();
}
