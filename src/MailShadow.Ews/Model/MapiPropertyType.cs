namespace MailShadow.Ews.Model;

#pragma warning disable CA1720 // The member names are the schema's MapiPropertyTypeType values and go to the wire as they are.

/// <summary>The MAPI type of an extended property (the schema's <c>MapiPropertyTypeType</c>).</summary>
public enum MapiPropertyType
{
    ApplicationTime,
    ApplicationTimeArray,
    Binary,
    BinaryArray,
    Boolean,
    CLSID,
    CLSIDArray,
    Currency,
    CurrencyArray,
    Double,
    DoubleArray,
    Error,
    Float,
    FloatArray,
    Integer,
    IntegerArray,
    Long,
    LongArray,
    Null,
    Object,
    ObjectArray,
    Short,
    ShortArray,
    SystemTime,
    SystemTimeArray,
    String,
    StringArray,
}

#pragma warning restore CA1720
