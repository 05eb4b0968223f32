namespace JourneyFunctions.Tests.Durable.Work;

/// <summary>
/// One kind of storage request: who made it, to which service, on which resource (a queue, table or container, with
/// the task hub's name taken out so that runs compare) and which operation (see <see cref="StorageRequestMeter"/>).
/// </summary>
public sealed record StorageRequestKind(StorageCaller Caller, StorageService Service, string Resource, string Operation)
{
    public StorageRequestRole Role => this switch
    {
        { Operation: StorageRequestMeter.EmptyReceive } => StorageRequestRole.Polling,
        { Service: StorageService.Blob, Resource: "applease" or "leases" } or { Resource: "Partitions" } => StorageRequestRole.Upkeep,
        _ when Operation.StartsWith("create table", StringComparison.Ordinal) || Operation.StartsWith("put queue", StringComparison.Ordinal) || Operation.StartsWith("put container", StringComparison.Ordinal) => StorageRequestRole.Setup,
        _ => StorageRequestRole.Work,
    };

    public override string ToString() => $"{Caller} {Service} {Resource} {Operation}";
}
