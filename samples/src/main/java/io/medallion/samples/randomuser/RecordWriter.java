package io.medallion.samples.randomuser;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Writes a {@link Person} as one API 1.4 record, with the API's field order and JSON types. */
final class RecordWriter {

  private static final String PORTRAITS = "https://randomuser.me/api/portraits/";

  private RecordWriter() {}

  static void write(JsonGenerator json, Person p) throws IOException {
    json.writeStartObject();
    json.writeStringField("gender", p.male ? "male" : "female");
    json.writeObjectFieldStart("name");
    json.writeStringField("title", p.title);
    json.writeStringField("first", p.first);
    json.writeStringField("last", p.last);
    json.writeEndObject();
    writeLocation(json, p);
    if (p.email != null) {
      json.writeStringField("email", p.email);
    }
    json.writeObjectFieldStart("login");
    json.writeStringField("uuid", p.uuid);
    json.writeStringField("username", p.username);
    json.writeStringField("password", p.password);
    json.writeStringField("salt", p.salt);
    json.writeStringField("md5", p.md5);
    json.writeStringField("sha1", p.sha1);
    json.writeStringField("sha256", p.sha256);
    json.writeEndObject();
    writeDate(json, "dob", p.dobMillis, p.dobAge);
    writeDate(json, "registered", p.registeredMillis, p.registeredAge);
    json.writeStringField("phone", p.phone);
    json.writeStringField("cell", p.cell);
    json.writeObjectFieldStart("id");
    json.writeStringField("name", p.idName);
    json.writeStringField("value", p.idValue);
    json.writeEndObject();
    String folder = p.male ? "men/" : "women/";
    String file = folder + p.picture + ".jpg";
    json.writeObjectFieldStart("picture");
    json.writeStringField("large", PORTRAITS + file);
    json.writeStringField("medium", PORTRAITS + "med/" + file);
    json.writeStringField("thumbnail", PORTRAITS + "thumb/" + file);
    json.writeEndObject();
    json.writeStringField("nat", p.nationality.code());
    json.writeEndObject();
  }

  private static void writeLocation(JsonGenerator json, Person p) throws IOException {
    json.writeObjectFieldStart("location");
    json.writeObjectFieldStart("street");
    json.writeNumberField("number", p.streetNumber);
    json.writeStringField("name", p.streetName);
    json.writeEndObject();
    json.writeStringField("city", p.city);
    json.writeStringField("state", p.state);
    json.writeStringField("country", p.nationality.country());
    if (p.postcodeText != null) {
      json.writeStringField("postcode", p.postcodeText);
    } else {
      json.writeNumberField("postcode", p.postcodeNumber);
    }
    json.writeObjectFieldStart("coordinates");
    json.writeStringField("latitude", p.latitude);
    json.writeStringField("longitude", p.longitude);
    json.writeEndObject();
    json.writeObjectFieldStart("timezone");
    json.writeStringField("offset", p.timezone.offset());
    json.writeStringField("description", p.timezone.description());
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writeDate(JsonGenerator json, String field, long millis, int age)
      throws IOException {
    json.writeObjectFieldStart(field);
    json.writeStringField("date", Timestamps.iso(millis));
    json.writeNumberField("age", age);
    json.writeEndObject();
  }
}
