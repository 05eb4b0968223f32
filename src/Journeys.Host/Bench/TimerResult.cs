namespace Journeys.Host.Bench;

/// <summary>(c) Instances whose waits fell due at once, and how fast the engine fired them to completion.</summary>
public sealed record TimerResult(int Instances, double Seconds, double FiredPerSecond);
