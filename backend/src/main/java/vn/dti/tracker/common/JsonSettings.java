package vn.dti.tracker.common;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/** What every JSON body is read with, besides the settings in application.properties. */
@Singleton
public class JsonSettings implements ObjectMapperCustomizer {

    /** Last, so that these deserializers stand in front of the ones Quarkus registers (java.time). */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(NulCharacters.jacksonModule());
        mapper.registerModule(ValueLimits.jacksonModule());
    }
}
