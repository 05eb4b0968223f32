namespace Journeys.Core.Serialization;

/// <summary>Either a parsed contract body or the errors that prevented parsing it.</summary>
public sealed class ContractReadResult<T>
    where T : class
{
    private ContractReadResult(T? value, IReadOnlyList<ContractError> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }

    public IReadOnlyList<ContractError> Errors { get; }

    public bool Succeeded => Value is not null && Errors.Count == 0;

    public static ContractReadResult<T> Success(T value) => new(value, []);

    public static ContractReadResult<T> Failure(params ContractError[] errors) => new(null, errors);
}
