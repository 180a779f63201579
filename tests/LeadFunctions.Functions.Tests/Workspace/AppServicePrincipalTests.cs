using System.Text;
using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Workspace;

namespace LeadFunctions.Functions.Tests.Workspace;

public class AppServicePrincipalTests
{
    /// <summary>
    /// What App Service passes on after an Entra ID sign-in, in the documented shape {auth_typ, claims: [{typ, val}],
    /// name_typ, role_typ}: role_typ names the long role claim type while the app roles arrive as "roles" claims, and
    /// name_typ names the email address claim.
    /// </summary>
    private const string EntraSignIn = """
        {
          "auth_typ": "aad",
          "claims": [
            { "typ": "aud", "val": "3f2c1a9e-5b7d-4e1f-9a2b-6c8d0e4f1a3b" },
            { "typ": "iss", "val": "https://login.microsoftonline.com/0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e/v2.0" },
            { "typ": "iat", "val": "1767225600" },
            { "typ": "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "val": "ayse@contoso.com" },
            { "typ": "name", "val": "Ayşe Yılmaz" },
            {
              "typ": "http://schemas.microsoft.com/identity/claims/objectidentifier",
              "val": "9d8c7b6a-5f4e-3d2c-1b0a-9f8e7d6c5b4a"
            },
            { "typ": "preferred_username", "val": "ayse@contoso.com" },
            { "typ": "roles", "val": "marketer" },
            { "typ": "roles", "val": "sales" },
            {
              "typ": "http://schemas.microsoft.com/identity/claims/tenantid",
              "val": "0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e"
            },
            { "typ": "ver", "val": "2.0" }
          ],
          "name_typ": "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
          "role_typ": "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"
        }
        """;

    private static string Header(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    private static string Claims(string roleTyp, params string[] claims) =>
        $$"""{"auth_typ":"aad","claims":[{{string.Join(",", claims)}}],"name_typ":"name","role_typ":"{{roleTyp}}"}""";

    private static string Claim(string typ, string val) => $$"""{"typ":"{{typ}}","val":"{{val}}"}""";

    private static WorkspaceRoles? RolesOf(string json) => AppServicePrincipal.Parse(Header(json))?.Roles;

    [Fact]
    public void Parse_EntraSignIn_NameFromNameTypAndTheAppRoles() =>
        Assert.Equal(
            new AppServicePrincipal("ayse@contoso.com", WorkspaceRoles.Marketer | WorkspaceRoles.Sales),
            AppServicePrincipal.Parse(Header(EntraSignIn))
        );

    [Fact]
    public void Parse_AdminAlone_OnlyAdmin() =>
        Assert.Equal(WorkspaceRoles.Admin, RolesOf(Claims("roles", Claim("roles", "admin"))));

    [Fact]
    public void Parse_RoleTypNamesItsOwnClaimType_ThoseClaimsAreRoles() =>
        Assert.Equal(WorkspaceRoles.Sales, RolesOf(Claims("app_role", Claim("app_role", "sales"))));

    [Fact]
    public void Parse_NoRoleTyp_RolesClaimsAreRoles() =>
        Assert.Equal(WorkspaceRoles.Marketer, RolesOf("""{"claims":[{"typ":"roles","val":"marketer"}]}"""));

    [Fact]
    public void Parse_RoleClaimWithTheLongType_Mapped() =>
        Assert.Equal(
            WorkspaceRoles.Marketer | WorkspaceRoles.Admin,
            RolesOf(
                Claims(
                    "roles",
                    Claim("http://schemas.microsoft.com/ws/2008/06/identity/claims/role", "marketer"),
                    Claim("http://schemas.microsoft.com/ws/2008/06/identity/claims/role", "admin")
                )
            )
        );

    [Fact]
    public void Parse_RoleValuesInAnyCase_Mapped() =>
        Assert.Equal(
            WorkspaceRoles.All,
            RolesOf(Claims("roles", Claim("roles", "Marketer"), Claim("roles", "SALES"), Claim("roles", "aDmIn")))
        );

    [Theory]
    [InlineData("owner")]
    [InlineData("Team")]
    [InlineData("All")]
    [InlineData("4")]
    [InlineData("marketer,sales")]
    public void Parse_UnknownRole_Ignored(string role) =>
        Assert.Equal(WorkspaceRoles.Sales, RolesOf(Claims("roles", Claim("roles", role), Claim("roles", "sales"))));

    [Fact]
    public void Parse_RoleNameInAnotherClaim_NotARole() =>
        Assert.Equal(
            WorkspaceRoles.None,
            RolesOf(Claims("roles", Claim("groups", "admin"), Claim("name", "admin"), Claim("scp", "sales")))
        );

    [Fact]
    public void Parse_NoClaimOfTheNameTyp_NameFromTheNameClaim() =>
        Assert.Equal(
            "Ayşe Yılmaz",
            AppServicePrincipal
                .Parse(Header(EntraSignIn.Replace("/emailaddress\", \"val\"", "/email\", \"val\"")))
                ?.Name
        );

    [Fact]
    public void Parse_NoNameClaims_NameFromPreferredUsername() =>
        Assert.Equal(
            "ayse@contoso.com",
            AppServicePrincipal.Parse(Header(Claims("roles", Claim("preferred_username", "ayse@contoso.com"))))?.Name
        );

    [Fact]
    public void Parse_NothingNamesThem_SignedInWithoutAName() =>
        Assert.Equal(
            new AppServicePrincipal(null, WorkspaceRoles.Sales),
            AppServicePrincipal.Parse(Header(Claims("roles", Claim("roles", "sales"))))
        );

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_NoHeader_Null(string? header) => Assert.Null(AppServicePrincipal.Parse(header));

    [Theory]
    [InlineData("not base64!")]
    [InlineData("%7B%22claims%22%3A%5B%5D%7D")]
    [InlineData("eyJjbGFpbXMiOltdfQ")] // {"claims":[]} without its padding
    [InlineData("eyJjbGFpbX=")]
    public void Parse_NotBase64_Null(string header) => Assert.Null(AppServicePrincipal.Parse(header));

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"claims":""")]
    [InlineData("[]")]
    [InlineData("\"claims\"")]
    [InlineData("{}")]
    [InlineData("""{"claims":[]}""")]
    [InlineData("""{"claims":{"typ":"roles","val":"admin"}}""")]
    [InlineData("""{"claims":["roles"]}""")]
    [InlineData("""{"claims":[{"typ":"roles","val":4}]}""")]
    [InlineData("""{"claims":[{"type":"roles","value":"admin"}]}""")]
    [InlineData("""{"claims":[{"typ":"roles","val":"\ud83d"}]}""")] // half a surrogate pair
    public void Parse_JsonThatIsNotAPrincipal_Null(string json) => Assert.Null(AppServicePrincipal.Parse(Header(json)));

    [Fact]
    public void Parse_BytesThatAreNotUtf8_Null() =>
        Assert.Null(
            AppServicePrincipal.Parse(
                Convert.ToBase64String([.. "{\"claims\":[{\"typ\":\"name\",\"val\":\""u8, 0xC3, 0x28, .. "\"}]}"u8])
            )
        );

    [Fact]
    public void Parse_HeaderWithSurroundingWhitespace_Parsed() =>
        Assert.NotNull(AppServicePrincipal.Parse($" {Header(EntraSignIn)} "));
}
