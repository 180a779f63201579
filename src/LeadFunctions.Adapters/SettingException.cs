namespace LeadFunctions.Adapters;

/// <summary>A setting that is missing or wrong, said in one line that names it: the host prints it and exits instead of
/// starting.</summary>
public sealed class SettingException(string message, Exception? innerException = null)
    : InvalidOperationException(message, innerException);
