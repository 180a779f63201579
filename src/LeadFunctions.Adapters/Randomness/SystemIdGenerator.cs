using LeadFunctions.Core.Randomness;

namespace LeadFunctions.Adapters.Randomness;

/// <summary>Version 7 GUIDs stamped with the clock the rest of the process reads.</summary>
public sealed class SystemIdGenerator(TimeProvider time) : IIdGenerator
{
    public string NewId() => Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
}
