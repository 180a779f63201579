using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Validation;

namespace LeadFunctions.Core.Tests.Consent;

public class ConsentImportRowValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static ValidationResult<ConsentImportRow> Validate(params (string Field, string Value)[] fields) =>
        ConsentImportRowValidator.Validate(fields.ToDictionary(f => f.Field, f => (string?)f.Value), 7, Now);

    [Theory]
    [InlineData("ALICI", "email")] // İYS
    [InlineData("recipient", "email")]
    [InlineData("E-posta", "email")]
    [InlineData("DURUM", "status")]
    [InlineData("consentDate", "date")]
    [InlineData("İzin Tarihi", "date")]
    [InlineData("Tarih", "date")]
    [InlineData("KAYNAK", "source")]
    [InlineData("TİP", "type")]
    [InlineData("recipientType", "recipientType")]
    [InlineData("ALICI TİPİ", "recipientType")]
    public void ConsentImportColumns_IysAndCallCentreHeaders_MapToFields(string header, string field) =>
        Assert.Equal(field, ConsentImportColumns.Map.FieldFor(header));

    [Fact]
    public void Validate_IysRecord_EveryFieldKept()
    {
        var row = Assert.IsType<ConsentImportRow>(
            Validate(
                ("email", " Ayse.Yilmaz@Example.com "),
                ("status", "RET"),
                ("date", "2025-03-01 14:30:00"),
                ("source", "hs_cagri_merkezi"),
                ("type", "EPOSTA"),
                ("recipientType", "TACIR")
            ).Value
        );

        Assert.Equal(7, row.Line);
        Assert.Equal("ayse.yilmaz@example.com", row.Email);
        Assert.False(row.Granted);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 14, 30, 0, TimeSpan.FromHours(3)), row.DecidedAt);
        Assert.Equal("HS_CAGRI_MERKEZI", row.IysSource);
        Assert.Equal(ConsentChannel.Email, row.Channel);
        Assert.Equal(RecipientType.Merchant, row.RecipientType);
    }

    [Fact]
    public void Validate_OnlyTheRequiredColumns_EmailChannelIndividualNoSource()
    {
        var row = Assert.IsType<ConsentImportRow>(
            Validate(
                ("email", "a@example.com"),
                ("status", "ONAY"),
                ("date", "2025-03-01T10:00:00Z"),
                ("source", " ")
            ).Value
        );
        Assert.True(row.Granted);
        Assert.Equal(ConsentChannel.Email, row.Channel);
        Assert.Equal(RecipientType.Individual, row.RecipientType);
        Assert.Null(row.IysSource);
    }

    [Theory]
    [InlineData("ONAY", true)]
    [InlineData("onay", true)]
    [InlineData("Granted", true)]
    [InlineData("Evet", true)]
    [InlineData("yes", true)]
    [InlineData("RET", false)]
    [InlineData("withdrawn", false)]
    [InlineData("refused", false)]
    [InlineData("HAYIR", false)]
    [InlineData("Hayır", false)]
    [InlineData("no", false)]
    public void ParseStatus_IysApiAndYesNoWords(string status, bool granted) =>
        Assert.Equal(granted, ConsentImportRowValidator.ParseStatus(status));

    [Theory]
    [InlineData("maybe")]
    [InlineData("pending")]
    public void Validate_UnknownStatus_StatusError(string status) =>
        Assert.Equal(
            [ConsentImportRowValidator.StatusRule],
            Validate(("email", "a@example.com"), ("status", status), ("date", "2025-03-01 10:00:00")).Errors["status"]
        );

    [Theory]
    [InlineData("2025-03-01T14:30:00+03:00", "2025-03-01T11:30:00Z")]
    [InlineData("2025-03-01T11:30:00Z", "2025-03-01T11:30:00Z")]
    [InlineData("2025-03-01T11:30:00.250Z", "2025-03-01T11:30:00.250Z")]
    [InlineData("2025-03-01 14:30:00", "2025-03-01T11:30:00Z")]
    [InlineData("01.03.2025 14:30", "2025-03-01T11:30:00Z")]
    [InlineData("15.01.2015 12:00", "2015-01-15T10:00:00Z")] // Turkish winter time was +02:00 until 2016
    [InlineData("2026-12-05", "2026-12-04T21:00:00Z")] // a date alone: the start of that day in Istanbul
    [InlineData("05.12.2026", "2026-12-04T21:00:00Z")]
    [InlineData("2015-01-15", "2015-01-14T22:00:00Z")]
    public void ConsentImportDate_OffsetOrTurkishTime(string text, string utc)
    {
        Assert.True(ConsentImportDate.TryParse(text, out var at));
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), at);
    }

    [Theory]
    [InlineData("03/01/2025")]
    [InlineData("2025-02-30 10:00:00")]
    [InlineData("yesterday")]
    [InlineData("2025-13-01")]
    public void Validate_UnreadableDate_DateError(string date) =>
        Assert.Equal(
            [ConsentImportDate.Rule],
            Validate(("email", "a@example.com"), ("status", "ONAY"), ("date", date)).Errors["date"]
        );

    [Fact]
    public void Validate_DateInTheFuture_DateError() =>
        Assert.Equal(
            ["Is in the future."],
            Validate(("email", "a@example.com"), ("status", "ONAY"), ("date", "2026-11-24T09:01:00Z")).Errors["date"]
        );

    [Fact]
    public void Validate_EverythingWrong_EachFieldSaysWhat()
    {
        var errors = Validate(
            ("email", "not-an-email"),
            ("source", "HS_FAX"),
            ("type", "FAX"),
            ("recipientType", "KAMU")
        ).Errors;
        Assert.Equal(["Not a valid email address."], errors["email"]);
        Assert.Equal(["Required."], errors["status"]);
        Assert.Equal(["Required."], errors["date"]);
        Assert.StartsWith("Not an İYS source", Assert.Single(errors["source"]), StringComparison.Ordinal);
        Assert.Equal(["Use EPOSTA, MESAJ or ARAMA."], errors["type"]);
        Assert.Equal(["Use BIREYSEL or TACIR."], errors["recipientType"]);
    }
}
