namespace LeadFunctions.Core.Intake;

/// <summary>What an import did, answered to the caller: counts, and the first rejected rows with their
/// errors.</summary>
public sealed class ImportReport(string importId)
{
    public const int MaxReportedRejections = 1000;

    private readonly List<RejectedRow> rejected = [];

    public string ImportId => importId;

    public int Accepted { get; private set; }

    public int RejectedCount { get; private set; }

    public void Accept() => Accepted++;

    public void Reject(long line, IReadOnlyDictionary<string, string[]> errors)
    {
        RejectedCount++;
        if (rejected.Count < MaxReportedRejections)
        {
            rejected.Add(new RejectedRow(line, errors));
        }
    }

    public ImportResult ToView() => new(importId, Accepted, RejectedCount, rejected);
}

public sealed record RejectedRow(long Line, IReadOnlyDictionary<string, string[]> Errors);

public sealed record ImportResult(
    string ImportId,
    int Accepted,
    int RejectedCount,
    IReadOnlyList<RejectedRow> Rejected
);
