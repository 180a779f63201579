using System.ComponentModel.DataAnnotations;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Leads;
using LeadFunctions.Functions.Consent;

namespace LeadFunctions.Functions.Tests.Consent;

public class ConsentOptionsTests
{
    private const string Current = "the-new-secret-of-at-least-32-characters";
    private const string Previous = "the-old-secret-of-at-least-32-characters";

    /// <summary>As <c>ValidateDataAnnotations</c> does on start: every property's attributes, then
    /// <see cref="IValidatableObject"/>.</summary>
    private static List<ValidationResult> Validate(ConsentOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Validate_PreviousSecretShorterThanTheRule_RefusedByName()
    {
        var errors = Validate(
            new ConsentOptions { TokenSecret = Current, PreviousTokenSecrets = [Previous, "too-short"] }
        );
        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(ConsentOptions.PreviousTokenSecrets)));
    }

    [Fact]
    public void Validate_TooManyPreviousSecrets_Refused()
    {
        var errors = Validate(
            new ConsentOptions
            {
                TokenSecret = Current,
                PreviousTokenSecrets = [.. Enumerable.Range(0, 10).Select(i => Previous + i)],
            }
        );
        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(ConsentOptions.PreviousTokenSecrets)));
    }

    [Fact]
    public void ToTokens_PreviousSecretSet_ItsTokensVerify_NewTokensUseTheCurrent()
    {
        var options = new ConsentOptions { TokenSecret = Current, PreviousTokenSecrets = [Previous] };
        Assert.Empty(Validate(options));
        var lead = LeadId.FromEmail("ada@example.com");
        var delivered = new ConsentTokens(Previous).Issue(new ConsentToken(TokenPurpose.Unsubscribe, lead, null, null));
        var tokens = options.ToTokens();

        Assert.Equal(
            TokenCheck.Valid,
            tokens.Read(delivered, TokenPurpose.Unsubscribe, DateTimeOffset.UnixEpoch, out _)
        );
        var issued = tokens.Issue(new ConsentToken(TokenPurpose.Unsubscribe, lead, null, null));
        Assert.Equal(
            TokenCheck.Valid,
            new ConsentTokens(Current).Read(issued, TokenPurpose.Unsubscribe, DateTimeOffset.UnixEpoch, out _)
        );
    }
}
