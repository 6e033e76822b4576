package nl.maatwerk.server.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on {@code @Scheduled} jobs (the weekly bulletin). Jobs that must survive restarts keep their state in PostgreSQL. */
@Configuration
@EnableScheduling
class Scheduling {
}
