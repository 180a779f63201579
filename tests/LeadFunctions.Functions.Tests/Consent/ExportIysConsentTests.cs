using System.Runtime.CompilerServices;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Leads;
using LeadFunctions.Functions.Consent;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Tests.Consent;

public class ExportIysConsentTests
{
    /// <summary>Has no changes; keeps the period it was asked for.</summary>
    private sealed class PeriodLog : IConsentChangeLog
    {
        public (DateTimeOffset Since, DateTimeOffset Until)? Asked { get; private set; }

        public Task AppendAsync(
            string normalizedEmail,
            ConsentRecord record,
            DateTimeOffset recordedAt,
            CancellationToken cancellationToken
        ) => Task.CompletedTask;

        public async IAsyncEnumerable<ConsentChange> ReadAsync(
            DateTimeOffset since,
            DateTimeOffset until,
            [EnumeratorCancellation] CancellationToken cancellationToken
        )
        {
            Asked = (since, until);
            await Task.CompletedTask;
            yield break;
        }
    }

    [Theory]
    [InlineData("?from=2026-12-05&to=2026-12-05", "2026-12-04T21:00:00Z", "2026-12-05T21:00:00Z")] // Turkey's day, +03:00
    [InlineData("?from=2015-01-15&to=2015-01-15", "2015-01-14T22:00:00Z", "2015-01-15T22:00:00Z")] // a winter day of 2015: +02:00
    [InlineData("?from=2026-12-01T09:00:00Z&to=2026-12-02T09:00:00Z", "2026-12-01T09:00:00Z", "2026-12-02T09:00:00Z")] // instants as given
    public async Task RunAsync_ADateAloneIsThatDayInTurkey_AsTheRecordsDatesAre(
        string query,
        string since,
        string until
    )
    {
        var log = new PeriodLog();
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query);

        await new ExportIysConsent(new IysConsentExport(log)).RunAsync(context.Request, default);

        Assert.Equal(
            (
                DateTimeOffset.Parse(since, System.Globalization.CultureInfo.InvariantCulture),
                DateTimeOffset.Parse(until, System.Globalization.CultureInfo.InvariantCulture)
            ),
            log.Asked
        );
    }
}
