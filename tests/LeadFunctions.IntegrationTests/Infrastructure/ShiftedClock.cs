namespace LeadFunctions.IntegrationTests.Infrastructure;

/// <summary>The system clock moved forward by <see cref="Offset"/>: days pass at once while timers and delays stay
/// real.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
