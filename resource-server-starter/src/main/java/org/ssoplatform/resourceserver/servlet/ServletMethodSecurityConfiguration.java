package org.ssoplatform.resourceserver.servlet;

import org.ssoplatform.resourceserver.AuthTypeCheck;

import org.springframework.aop.Advisor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;

/** Method security for the platform's annotations: {@code @RequireRole} and friends, and the auth-type check. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class ServletMethodSecurityConfiguration {

    /** Lets {@code @RequireRole("admin")} fill {@code {value}} into its {@code @PreAuthorize} template. */
    @Bean
    @ConditionalOnMissingBean
    static AnnotationTemplateExpressionDefaults platformAnnotationTemplateDefaults() {
        return new AnnotationTemplateExpressionDefaults();
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor platformAuthTypeAdvisor() {
        AuthorizationManagerBeforeMethodInterceptor interceptor = new AuthorizationManagerBeforeMethodInterceptor(
                AuthTypeCheck.pointcut(), new AuthTypeAuthorizationManager());
        interceptor.setOrder(AuthTypeCheck.ORDER);
        return interceptor;
    }
}
