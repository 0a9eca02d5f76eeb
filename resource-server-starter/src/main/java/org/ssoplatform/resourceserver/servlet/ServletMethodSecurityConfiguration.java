package org.ssoplatform.resourceserver;

import org.springframework.aop.Advisor;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.Pointcuts;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;

/** Method security for the platform's annotations: {@code @RequireRole} and friends, and the auth-type check. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class PlatformMethodSecurityConfiguration {

    /** Lets {@code @RequireRole("admin")} fill {@code {value}} into its {@code @PreAuthorize} template. */
    @Bean
    @ConditionalOnMissingBean
    static AnnotationTemplateExpressionDefaults platformAnnotationTemplateDefaults() {
        return new AnnotationTemplateExpressionDefaults();
    }

    /**
     * Runs just before {@code @PreAuthorize}, so a wrong kind of token is answered 401 even where a role or
     * permission is also missing.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor platformAuthTypeAdvisor() {
        Pointcut annotated = Pointcuts.union(new AnnotationMatchingPointcut(RequireAuthType.class, true),
                new AnnotationMatchingPointcut(null, RequireAuthType.class, true));
        AuthorizationManagerBeforeMethodInterceptor interceptor = new AuthorizationManagerBeforeMethodInterceptor(
                annotated, new AuthTypeAuthorizationManager());
        interceptor.setOrder(AuthorizationInterceptorsOrder.PRE_AUTHORIZE.getOrder() - 1);
        return interceptor;
    }
}
