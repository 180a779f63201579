using System.Globalization;
using CsvHelper;

namespace LeadFunctions.Core.Consent;

/// <summary>The İYS records of the consent changes from <paramref name="From"/> to <paramref name="To"/>.</summary>
public sealed record IysExport(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<IysRecord> Items)
{
    /// <summary>The records as a CSV file, a header row first.</summary>
    public async Task<string> ToCsvAsync(CancellationToken cancellationToken)
    {
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            await csv.WriteRecordsAsync(Items, cancellationToken);
        }

        return text.ToString();
    }
}
