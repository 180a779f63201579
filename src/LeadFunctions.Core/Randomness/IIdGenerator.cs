namespace LeadFunctions.Core.Randomness;

/// <summary>New ids for what Core makes (a queue message's dispatch, an import, a submission without a key).</summary>
public interface IIdGenerator
{
    /// <summary>A new id, ordered by when it was made: a version 7 GUID as 32 lowercase hex digits.</summary>
    string NewId();
}
