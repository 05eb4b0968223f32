using Journeys.Core.Execution;

namespace Journeys.Runtime.Orchestration;

/// <summary>How an orchestration episode ended: the instance ended, or it continued as new with <see cref="State"/>.</summary>
public sealed record OrchestrationResult(InstanceState State, bool ContinuedAsNew);
