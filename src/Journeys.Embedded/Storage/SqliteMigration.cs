namespace Journeys.Embedded.Storage;

/// <summary>
/// One schema step, applied once per database file and recorded in <c>schema_migrations</c>. Ids are globally
/// unique names (e.g. <c>0001-catalog</c>) so that each store of the embedded host owns its own steps without a
/// shared numbering to coordinate.
/// </summary>
/// <param name="Id">Stable name of the step; never rename one that has shipped.</param>
/// <param name="Sql">Statements run inside the step's transaction.</param>
public sealed record SqliteMigration(string Id, string Sql);
