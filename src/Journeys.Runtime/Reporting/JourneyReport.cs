namespace Journeys.Runtime.Reporting;

/// <summary>The body of <c>GET /api/journeys/{id}/report</c>: one entry per published version, newest first.</summary>
public sealed record JourneyReport(string Journey, IReadOnlyList<VersionReport> Versions);
