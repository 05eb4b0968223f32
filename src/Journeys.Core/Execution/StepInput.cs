using System.Text.Json.Serialization;

namespace Journeys.Core.Execution;

/// <summary>
/// Something that happened to an instance, delivered by a host to <see cref="JourneyStepper.Step"/>. Hosts deliver
/// at least once: an input that does not fit the instance's state is ignored without any change.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(StartInput), "start")]
[JsonDerivedType(typeof(ResumeInput), "resume")]
[JsonDerivedType(typeof(TimerFiredInput), "timerFired")]
[JsonDerivedType(typeof(EventReceivedInput), "eventReceived")]
[JsonDerivedType(typeof(ActionCompletedInput), "actionCompleted")]
[JsonDerivedType(typeof(DataFetchedInput), "dataFetched")]
[JsonDerivedType(typeof(JumpCompletedInput), "jumpCompleted")]
[JsonDerivedType(typeof(StopInput), "stop")]
public abstract record StepInput;
