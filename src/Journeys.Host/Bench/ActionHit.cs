namespace Journeys.Host.Bench;

/// <summary>The body the bench action sends: the id of the event that started the instance.</summary>
public sealed record ActionHit(string? Id);
