using Journeys.Runtime.Reporting;

namespace JourneyFunctions.Tests.Durable.Work;

/// <summary>An event sent to an entrant once its instance shows <paramref name="Ready"/> (e.g. waiting at a node).</summary>
public sealed record FollowUp(Func<InstanceView, bool> Ready, string Event);
