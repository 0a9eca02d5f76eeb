package org.ssoplatform.resourceserver.reactive;

import org.ssoplatform.resourceserver.AuthTypeCheck;

import org.springframework.aop.Advisor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeReactiveMethodInterceptor;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;

/**
 * Method security for the platform's annotations on methods returning {@code Mono} or {@code Flux}: the check runs
 * when the result is subscribed, with the caller from Reactor's context.
 */
@Configuration(proxyBeanMethods = false)
@EnableReactiveMethodSecurity
class ReactiveMethodSecurityConfiguration {

    /** Lets {@code @RequireRole("admin")} fill {@code {value}} into its {@code @PreAuthorize} template. */
    @Bean
    @ConditionalOnMissingBean
    static AnnotationTemplateExpressionDefaults platformAnnotationTemplateDefaults() {
        return new AnnotationTemplateExpressionDefaults();
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor platformReactiveAuthTypeAdvisor() {
        AuthorizationManagerBeforeReactiveMethodInterceptor interceptor = new AuthorizationManagerBeforeReactiveMethodInterceptor(
                AuthTypeCheck.pointcut(), new ReactiveAuthTypeAuthorizationManager());
        interceptor.setOrder(AuthTypeCheck.ORDER);
        return interceptor;
    }
}
