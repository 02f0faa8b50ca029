package rbm.io;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedParameter;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

/**
 * The program's JSON files, each the image of a record: one configured mapper, and atomic writing and reading with
 * errors that name the file. Keys are the record components in snake_case ({@code resolutionBits} is
 * {@code resolution_bits}), in component order.
 *
 * <p>NaN and the infinities have no JSON form, so they are written as null, and a null or absent number reads back
 * as NaN. Keys the record does not know are ignored, so a file with more fields still loads.
 *
 * <p>{@link #read} needs every component present (a missing key is an error naming it); {@link #readLenient}
 * fills what is missing with null, NaN, 0 or false, for pages drawn from partial files with gaps where data is
 * missing. A record type with a {@code public static final} field {@code ABSENT} of its own type reads a null or
 * missing object as that constant rather than as null. A component marked {@link OptionalKey} may be missing even
 * from a file read by {@link #read}, and is not written when null or NaN.
 */
public final class JsonFiles {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .annotationIntrospector(new OptionalKeys())
            .injectableValues(new AbsentValues())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .addModule(new SimpleModule("non-finite as null")
                    .addSerializer(Double.class, new NonFiniteAsNull())
                    .addSerializer(double.class, new NonFiniteAsNull())
                    .addDeserializer(double.class, new NullAsNaN(double.class))
                    .addDeserializer(Double.class, new NullAsNaN(Double.class))
                    .setDeserializerModifier(new AbsentConstants()))
            .defaultPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withArrayValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("").withObjectEmptySeparator(""))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance))
            .build();
    /** Jackson's wording for a key that is absent: "Missing creator property 'epochs' (index 3)". */
    private static final Pattern MISSING = Pattern.compile("Missing (?:required )?creator property '([^']*)'");
    /** Jackson names the token it found as "(token `JsonToken.VALUE_STRING`)". */
    private static final Pattern TOKEN = Pattern.compile("JsonToken\\.([A-Z_]+)");
    private static final ObjectReader STRICT = MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final ObjectReader LENIENT = MAPPER.reader();

    private JsonFiles() {
    }

    /** Atomically writes {@code value} pretty-printed (two-space indent, arrays on one line) with a final newline. */
    public static void write(Path file, Object value) {
        AtomicFiles.writeString(file, pretty(value) + "\n");
    }

    /** The pretty-printed text of {@code value}, without a final newline. */
    public static String pretty(Object value) {
        return text(MAPPER.writerWithDefaultPrettyPrinter(), value);
    }

    /** {@code value} as JSON on one line with no spaces: one line of a JSON-lines file. */
    public static String line(Object value) {
        return text(MAPPER.writer(), value);
    }

    private static String text(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON", e);
        }
    }

    /** Reads a UTF-8 file as a {@code type}, every component required. */
    public static <T> T read(Path file, Class<T> type) {
        return parse(readText(file), file.toString(), type, STRICT);
    }

    /** Reads a UTF-8 file as a {@code type}, missing parts left empty. */
    public static <T> T readLenient(Path file, Class<T> type) {
        return parse(readText(file), file.toString(), type, LENIENT);
    }

    /** Parses {@code text} as a {@code type}, every component required; {@code source} starts every error message. */
    public static <T> T parse(String text, String source, Class<T> type) {
        return parse(text, source, type, STRICT);
    }

    private static <T> T parse(String text, String source, Class<T> type, ObjectReader reader) {
        String json = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try {
            T value = reader.forType(type).readValue(json);
            if (value == null) { // the document "null": no reader of a record expects nothing
                throw new BadInputException(source + ": is null; expected a JSON object");
            }
            return value;
        } catch (JacksonException e) {
            throw new BadInputException(oneLine(source + ": " + describe(e)), e);
        }
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw AtomicFiles.unreadable(file, e);
        }
    }

    /** What is wrong, in the file's terms: where the text is malformed, or which key holds what. */
    private static String describe(JacksonException e) {
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof BadInputException bad) {
            return bad.getMessage();
        }
        if (!(e instanceof JsonMappingException mapping)) {
            return malformed(e, e.getOriginalMessage().replaceFirst(" \\(start marker at .*", ""));
        }
        if (e.getOriginalMessage().startsWith("Trailing token")) {
            return malformed(e, "more text after the JSON value");
        }
        String key = keyPath(mapping);
        String message = e.getOriginalMessage();
        Matcher missing = MISSING.matcher(message);
        if (missing.find()) {
            // Jackson's path already ends at the missing key
            return "missing key '" + (key.isEmpty() ? missing.group(1) : key) + "'";
        }
        String where = key.isEmpty() ? "the top level" : "key '" + key + "'";
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String found = e instanceof InvalidFormatException bad && bad.getValue() instanceof String text
                    ? "\"" + text + "\"" : found(message);
            return where + " should be " + expected(mismatch.getTargetType()) + ", found " + found;
        }
        return where + ": " + message;
    }

    private static String malformed(JacksonException e, String what) {
        JsonLocation at = e.getLocation();
        return "malformed JSON" + (at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr())
                + ": " + what;
    }

    /** {@code training.layers[2]}: the keys and indices leading to the value that failed. */
    private static String keyPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isArray() || Iterable.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    /** What the file held instead, from the token Jackson names in its message. */
    private static String found(String message) {
        if (message.startsWith("Cannot map `null`")) {
            return "null";
        }
        Matcher token = TOKEN.matcher(message);
        if (!token.find()) {
            return "another kind of value";
        }
        return switch (JsonToken.valueOf(token.group(1))) {
            case VALUE_NULL -> "null";
            case VALUE_STRING -> "a string";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case START_OBJECT, FIELD_NAME, END_OBJECT -> "an object";
            case START_ARRAY, END_ARRAY -> "an array";
            default -> "another kind of value";
        };
    }

    /** Control characters from the file would break the one-line message. */
    private static String oneLine(String message) {
        return message.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", "?");
    }

    /**
     * {@link OptionalKey}: Jackson's one way past a required creator property that is missing is to inject a value
     * for it, so each optional parameter is injectable, from the file when the key is there ({@code useInput}) and
     * from {@link AbsentValues} when it is not; and its key is left out when {@link Absent} says so.
     */
    private static final class OptionalKeys extends JacksonAnnotationIntrospector {
        private static final long serialVersionUID = 1L;

        @Override
        public JacksonInject.Value findInjectableValue(AnnotatedMember member) {
            if (member instanceof AnnotatedParameter p && p.hasAnnotation(OptionalKey.class)) {
                // an id of its own: Jackson refuses two injected parameters with one id
                String id = p.getOwner().getDeclaringClass().getName() + "#" + p.getIndex();
                return JacksonInject.Value.construct(id, true, true);
            }
            return super.findInjectableValue(member);
        }

        @Override
        public JsonInclude.Value findPropertyInclusion(Annotated a) {
            JsonInclude.Value inclusion = super.findPropertyInclusion(a);
            return a.hasAnnotation(OptionalKey.class) ? inclusion.withValueFilter(Absent.class) : inclusion;
        }
    }

    /** The value of a missing {@link OptionalKey}: what its reader gives for null. */
    private static final class AbsentValues extends InjectableValues {
        @Override
        @Deprecated // the form Jackson declares abstract; its newer overload calls this one
        public Object findInjectableValue(Object id, DeserializationContext ctxt, BeanProperty property,
                                          Object bean) throws JsonMappingException {
            return ((SettableBeanProperty) property).getValueDeserializer().getAbsentValue(ctxt);
        }
    }

    /**
     * A value filter in Jackson's sense: {@code equals} is true for a value to leave out: null, NaN, an empty list or
     * map, or its record type's {@code ABSENT} constant, each what a missing key reads as.
     */
    private static final class Absent {
        @Override
        public boolean equals(Object value) {
            return value == null || value instanceof Double d && d.isNaN()
                    || value instanceof java.util.Collection<?> c && c.isEmpty()
                    || value instanceof java.util.Map<?, ?> m && m.isEmpty()
                    || value.getClass().isRecord() && AbsentConstants.absentConstant(value.getClass()) == value;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /** Gives each record type that declares an {@code ABSENT} constant a reader that returns it for null. */
    private static final class AbsentConstants extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                      JsonDeserializer<?> deserializer) {
            Object absent = absentConstant(description.getBeanClass());
            return absent == null ? deserializer : new OrAbsent(deserializer, absent);
        }

        private static Object absentConstant(Class<?> type) {
            try {
                Field field = type.getField("ABSENT");
                boolean constant = Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers());
                return constant && field.getType() == type ? field.get(null) : null;
            } catch (NoSuchFieldException | IllegalAccessException e) {
                return null;
            }
        }
    }

    /** A record's reader, with null and absence reading as the record's {@code ABSENT} constant. */
    private static final class OrAbsent extends DelegatingDeserializer {
        private final Object absent;

        OrAbsent(JsonDeserializer<?> delegate, Object absent) {
            super(delegate);
            this.absent = absent;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new OrAbsent(delegate, absent);
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) {
            return absent;
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return absent;
        }
    }

    /** NaN and the infinities as null: JSON has no numbers for them. */
    private static final class NonFiniteAsNull extends StdScalarSerializer<Double> {
        NonFiniteAsNull() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator out, SerializerProvider provider) throws IOException {
            if (Double.isFinite(value)) {
                out.writeNumber(value);
            } else {
                out.writeNull();
            }
        }
    }

    /** A number, with null (how {@link NonFiniteAsNull} writes NaN) and absence reading as NaN. */
    private static final class NullAsNaN extends StdScalarDeserializer<Double> {
        NullAsNaN(Class<?> type) {
            super(type);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.currentToken().isNumeric()) {
                return (Double) ctxt.handleUnexpectedToken(handledType(), p);
            }
            return p.getDoubleValue();
        }

        @Override
        public Double getNullValue(DeserializationContext ctxt) {
            return Double.NaN;
        }
    }
}
