namespace Journeys.Core.Execution;

/// <summary>
/// Asks the stepper to carry on: a due wait or waitForEvent timeout proceeds; otherwise the pending command is
/// returned again unchanged (what a host needs after a restart to re-issue in-flight work).
/// </summary>
public sealed record ResumeInput : StepInput;
