namespace Journeys.Core.Execution;

/// <summary>
/// The outcome of one <see cref="JourneyStepper.Step"/>: the state to persist, the one command to carry out, and
/// the step events to append. When <see cref="StateChanged"/> is false the input was ignored: the state is the
/// same object, there are no events, and (except for <see cref="ResumeInput"/>) the command is <see cref="NoCommand"/>.
/// </summary>
public sealed record StepResult(InstanceState NewState, JourneyCommand Command, IReadOnlyList<StepEvent> Events)
{
    public bool StateChanged { get; init; } = true;
}
