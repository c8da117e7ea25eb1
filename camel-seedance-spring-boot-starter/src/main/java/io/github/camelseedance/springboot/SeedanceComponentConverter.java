package io.github.camelseedance.springboot;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;

import io.github.camelseedance.SeedanceConfiguration;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.DnsResolver;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Binds the bean-valued options ({@code camel.component.seedance.dns-resolver=#myResolver}, or {@code #bean:myResolver})
 * to the Spring bean of that name.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
public class SeedanceComponentConverter implements GenericConverter {

    private final ApplicationContext applicationContext;

    public SeedanceComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        Set<ConvertiblePair> answer = new LinkedHashSet<>();
        answer.add(new ConvertiblePair(String.class, SeedanceConfiguration.class));
        answer.add(new ConvertiblePair(String.class, DnsResolver.class));
        answer.add(new ConvertiblePair(String.class, ExecutorService.class));
        answer.add(new ConvertiblePair(String.class, SSLContextParameters.class));
        return answer;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String ref = source.toString();
        if (!ref.startsWith("#")) {
            return null;
        }
        ref = ref.startsWith("#bean:") ? ref.substring("#bean:".length()) : ref.substring(1);
        return applicationContext.getBean(ref, targetType.getType());
    }
}
