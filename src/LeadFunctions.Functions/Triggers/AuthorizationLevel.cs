namespace LeadFunctions.Functions.Triggers;

/// <summary>The Functions HTTP trigger's authorization levels (System keys are not used here).</summary>
public enum AuthorizationLevel
{
    Anonymous,
    Function,
    Admin,
}
