import { koreanDate } from '#shared/domain/fiscal-calendar/calendar.ts';
import { unsettledAdvances } from '#shared/domain/execution/unsettled-advances.ts';
import { readAdvanceOrders } from '#shared/stores/execution/advance-orders.ts';

/**
 * The year's advances (일상경비등, 개산급) still unsettled, as of the Korean day of `at`: those past
 * their due date (20 January for 일상경비등, 지방회계법 제7조제2항) flagged `overdue`.
 */
export const listUnsettledAdvances = async (gov: string, year: number, at: string) =>
  unsettledAdvances(await readAdvanceOrders(gov, year), year, koreanDate(new Date(at)));
